/** The environment variable that overrides a stored secret, for automation: api_key → CROSSWALK_SECRET_API_KEY. */
export const environmentVariableOf = (name: string) => `CROSSWALK_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/** The secret's value from the environment, which wins over the stored one (in every scope); an empty variable counts as unset. */
export function environmentSecret(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[environmentVariableOf(name)] || undefined;
}
