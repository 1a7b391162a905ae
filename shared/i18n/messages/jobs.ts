// Messages of the 'jobs' area. Keys are prefixed 'jobs.' so areas never collide.
import { defineMessages } from '../define';

export const jobsMessages = defineMessages({
});
