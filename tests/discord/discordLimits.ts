import { type APIEmbed, embedLength } from 'discord.js';
import { expect } from 'vitest';

/**
 * Discord's limits as its documentation states them, written here on purpose: the renderer's own
 * numbers are what is under test. Embeds: docs/resources/message "Embed Limits"; content and
 * embeds per message: "Create Message"; components: docs/components/reference (5 action rows of
 * 5 buttons, button labels 80, custom ids 100, select options 25 of 100-character labels);
 * autocomplete: docs/interactions/receiving-and-responding "Autocomplete" (25 choices) and
 * application-commands "Application Command Option Choice Structure" (name and value 100).
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  options?: ReadonlyArray<{ label: string; description?: string }>;
  components?: readonly Component[];
}

/** A message as sent or as Discord stored it: the renderer's payloads and the emulator's messages. */
export interface MessageShape {
  content?: string | null | undefined;
  embeds: readonly APIEmbed[];
  components: readonly Component[];
}

/** Fails unless `message` fits every documented limit above. */
export function expectWithinDiscordLimits(message: MessageShape): void {
  const L = DISCORD_LIMITS;
  expect((message.content ?? '').length).toBeLessThanOrEqual(L.content);
  expect(message.embeds.length).toBeLessThanOrEqual(L.embedsPerMessage);
  // The 6,000 characters are counted over all embeds of a message together.
  expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
    L.embedTotal,
  );
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(L.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(L.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(L.footer);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(L.authorName);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(L.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(L.fieldValue);
    }
  }
  expect(message.components.length).toBeLessThanOrEqual(L.actionRows);
  for (const row of message.components) {
    const inRow = row.components ?? [];
    expect(inRow.length).toBeLessThanOrEqual(L.buttonsPerRow);
    for (const component of inRow) {
      expect(component.custom_id?.length ?? 0).toBeLessThanOrEqual(L.customId);
      if (component.options) {
        expect(component.options.length).toBeLessThanOrEqual(L.selectOptions);
        for (const option of component.options) {
          expect(option.label.length).toBeLessThanOrEqual(L.selectOptionLabel);
          expect(option.description?.length ?? 0).toBeLessThanOrEqual(L.selectOptionDescription);
        }
      } else {
        expect(component.label?.length ?? 0).toBeLessThanOrEqual(L.buttonLabel);
      }
    }
    const ids = inRow.map((c) => c.custom_id).filter((id) => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  }
}

/** Fails unless autocomplete choices fit Discord's limits. */
export function expectChoicesWithinDiscordLimits(
  choices: ReadonlyArray<{ name: string; value: string }>,
): void {
  expect(choices.length).toBeLessThanOrEqual(DISCORD_LIMITS.autocompleteChoices);
  for (const choice of choices) {
    expect(choice.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
    expect(choice.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceValue);
  }
}

/**
 * Every text a message shows, for safety-text checks: content, embed title, author, description,
 * field names and values, footer, and component labels (the renderer's own collector is not used).
 */
export function visibleText(message: MessageShape): string {
  const labels = (components: readonly Component[]): string[] =>
    components.flatMap((c) => [
      c.label ?? '',
      ...(c.options ?? []).map((o) => o.label),
      ...labels(c.components ?? []),
    ]);
  return [
    message.content ?? '',
    ...message.embeds.flatMap((e) => [
      e.title ?? '',
      e.author?.name ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? '',
    ]),
    ...labels(message.components),
  ].join('\n');
}
