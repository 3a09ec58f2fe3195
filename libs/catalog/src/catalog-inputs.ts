import { BilingualTextInputOf, type MixinBase } from '#libs/core';

/** Program codes and catalogue keys: letters, digits and . _ : - (1 to 100). */
export const CODE_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** The title of a seed or a need. */
export const TitleInput = BilingualTextInputOf(300, 'TitleInput');
export type TitleInput = InstanceType<typeof TitleInput>;

export type InputClass = MixinBase;
