export {
  createOpenAiBackend,
  DEFAULT_BASE_URL,
  MAX_COSTS_PAGE,
  MAX_USAGE_PAGE,
  type OpenAiBackend,
  type OpenAiBackendOptions,
} from './backend';
