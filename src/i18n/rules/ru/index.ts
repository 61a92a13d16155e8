import type { RuleTranslations } from '../types.js';
import { COMPOSE_RU } from './compose.js';
import { CONTEXT_RU } from './context.js';
import { DOCKERFILE_INSTRUCTIONS_RU } from './dockerfile-instructions.js';
import { DOCKERFILE_PACKAGES_RU } from './dockerfile-packages.js';
import { DOCKERFILE_SECURITY_RU } from './dockerfile-security.js';
import { IMAGE_RU } from './image.js';

/** Russian translations of every rule's messages and summary, by rule id. */
export const RU_RULES: RuleTranslations = {
  ...DOCKERFILE_INSTRUCTIONS_RU,
  ...DOCKERFILE_PACKAGES_RU,
  ...DOCKERFILE_SECURITY_RU,
  ...COMPOSE_RU,
  ...CONTEXT_RU,
  ...IMAGE_RU,
};
