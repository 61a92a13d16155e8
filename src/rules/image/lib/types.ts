import type { RuleSettings } from '../../../config/settings.js';
import type { Rule } from '../../../core/rule.js';
import type { ImageAnchors } from '../../../image/document.js';
import type { ImageModel } from '../../../image/model.js';

/** What image rules read: the image model, and anchors that turn its parts into finding positions. */
export interface ImageAnalysis {
  image: ImageModel;
  at: ImageAnchors;
}

export type ImageRule = Rule<ImageAnalysis, RuleSettings>;
