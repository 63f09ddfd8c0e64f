export {
  createOpenAiBackend,
  DEFAULT_BASE_URL,
  MAX_COSTS_PAGE,
  MAX_USAGE_PAGE,
  type OpenAiBackendOptions,
} from './backend';
