import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/types.ts';
import { ROLE_ORDER } from '../../src/services/api-token-service.ts';
import { roleWithin } from '../../src/services/role-scope.ts';

const grantable = (held: Role[]) => ROLE_ORDER.filter((role) => roleWithin(role, held));

describe('which roles a token may carry', () => {
  it('never lets a plan owner hand out a reviewer, who writes and signs off updates', () => {
    expect(grantable(['plan-owner'])).toEqual(['viewer', 'commitment-lead', 'plan-owner']);
  });

  it('lets a reviewer hand out only a viewer or a reviewer', () => {
    expect(grantable(['reviewer'])).toEqual(['viewer', 'reviewer']);
  });

  it('lets a viewer hand out only a viewer', () => {
    expect(grantable(['viewer'])).toEqual(['viewer']);
  });

  it('adds up the rights of someone with two roles in one organisation', () => {
    expect(grantable(['plan-owner', 'reviewer'])).toEqual(['viewer', 'commitment-lead', 'reviewer', 'plan-owner']);
  });

  it('never lets an admin hand out a reviewer either', () => {
    expect(grantable(['admin'])).not.toContain('reviewer');
  });
});
