// Messages of the 'workbook' area. Keys are prefixed 'workbook.' so areas never collide.
import { defineMessages } from '../define';

export const workbookMessages = defineMessages({
});
