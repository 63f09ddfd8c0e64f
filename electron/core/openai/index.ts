export { createOpenAiBackend, DEFAULT_BASE_URL, type OpenAiBackendOptions } from './backend';
