// Messages of the 'cli' area. Keys are prefixed 'cli.' so areas never collide.
import { defineMessages } from '../define';

export const cliMessages = defineMessages({
});
