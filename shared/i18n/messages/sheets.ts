// Messages of the 'sheets' area. Keys are prefixed 'sheets.' so areas never collide.
import { defineMessages } from '../define';

export const sheetsMessages = defineMessages({
});
