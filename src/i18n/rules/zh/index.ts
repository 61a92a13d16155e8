import type { RuleTranslations } from '../types.js';
import { COMPOSE_ZH } from './compose.js';
import { CONTEXT_ZH } from './context.js';
import { DOCKERFILE_INSTRUCTIONS_ZH } from './dockerfile-instructions.js';
import { DOCKERFILE_PACKAGES_ZH } from './dockerfile-packages.js';
import { DOCKERFILE_SECURITY_ZH } from './dockerfile-security.js';
import { IMAGE_ZH } from './image.js';

/** Simplified Chinese translations of every rule's messages and summary, by rule id. */
export const ZH_RULES: RuleTranslations = {
  ...DOCKERFILE_INSTRUCTIONS_ZH,
  ...DOCKERFILE_PACKAGES_ZH,
  ...DOCKERFILE_SECURITY_ZH,
  ...COMPOSE_ZH,
  ...CONTEXT_ZH,
  ...IMAGE_ZH,
};
