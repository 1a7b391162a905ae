// Messages of the 'profiles' area. Keys are prefixed 'profiles.' so areas never collide.
import { defineMessages } from '../define';

export const profilesMessages = defineMessages({
});
