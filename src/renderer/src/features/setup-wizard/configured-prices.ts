import { api } from '../../api';

/**
 * The admin's own prices per part (Cost guards), read from main each time they are needed: the test-send
 * settings main stores are the one source, the same prices its test-send estimate uses. Undefined when
 * main cannot say; the caller then falls back to the built-in price and says so.
 */
export async function configuredPrices(): Promise<Readonly<Record<string, number>> | undefined> {
  const result = await api.getTestSendSetup();
  return result.ok ? result.value.settings.pricesPerPart : undefined;
}
