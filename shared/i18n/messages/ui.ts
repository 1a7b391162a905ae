// Messages of the 'ui' area. Keys are prefixed 'ui.' so areas never collide.
import { defineMessages } from '../define';

export const uiMessages = defineMessages({
});
