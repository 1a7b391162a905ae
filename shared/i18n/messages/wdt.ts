// Messages of the 'wdt' area. Keys are prefixed 'wdt.' so areas never collide.
import { defineMessages } from '../define';

export const wdtMessages = defineMessages({
});
