/**
 * Profiles: which rules run, at what severity, with which options (schemas/profile.schema.json).
 * The default profile follows GB/T 9704-2012 with every rule at its own default severity.
 */
import type { Severity } from './model.js';

export interface RuleSetting {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

export interface Profile {
  name: string;
  description?: string;
  rules: Record<string, RuleSetting>;
}

export const defaultProfile: Profile = {
  name: 'gbt9704',
  description: 'GB/T 9704-2012 党政机关公文格式 (default)',
  rules: {
    // information on tasks without an owner or deadline: a house rule, on in the strict profile only
    'task/responsibility': { severity: 'off' },
  },
};
