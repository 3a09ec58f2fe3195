import { PASSWORD_MIN_LENGTH } from '#libs/core';

/** How long a chosen password may be (the minimum lives with the config, which checks ADMIN_PASSWORD too). */
export const PASSWORD_MIN = PASSWORD_MIN_LENGTH;
export const PASSWORD_MAX = 200;
export const PASSWORD_RULE = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a common or easily guessed password.`;
