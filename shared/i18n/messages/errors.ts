// Messages of the 'errors' area. Keys are prefixed 'errors.' so areas never collide.
import { defineMessages } from '../define';

export const errorsMessages = defineMessages({
});
