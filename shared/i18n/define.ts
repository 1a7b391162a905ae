/** One message in both languages. zh-CN is the product's first language; en must say the same thing. */
export interface Message {
  'zh-CN': string;
  en: string;
}
/** Declares an area's messages; `{name}` placeholders are filled by t(). */
export const defineMessages = <const T extends Record<string, Message>>(messages: T): T => messages;
