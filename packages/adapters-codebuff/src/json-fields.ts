export { isRecord, trimmedString as nonEmptyString } from '@rimuru/adapter-kit';
