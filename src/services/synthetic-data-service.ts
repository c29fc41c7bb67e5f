// The synthetic-data service behind `tracker generate`: fills an empty database with a national portfolio, dated
// relative to the one clock's today.
import type { ServiceContext } from './context.ts';
import { generateSyntheticData, syntheticSignInText, type GenerateOptions } from './synthetic-data.ts';

export type { GenerateOptions, GenerateResult, GeneratedAccount } from './synthetic-data.ts';
export { GenerateError, SHAPE } from './synthetic-data.ts';

export function syntheticDataService({ db, dialect, clock, config }: ServiceContext) {
  return {
    generate: (options: GenerateOptions) => generateSyntheticData(db, dialect, clock.today(), options),
    /** The sign-in details printed at the end, in the layout of the demo accounts. */
    signInText: (accounts: Parameters<typeof syntheticSignInText>[1]) => syntheticSignInText(config.serviceUrl, accounts),
  };
}

export type SyntheticDataService = ReturnType<typeof syntheticDataService>;
