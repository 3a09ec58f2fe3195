/** How long a chosen password may be (staff passwords have a longer minimum). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
