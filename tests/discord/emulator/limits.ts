import { Errors, formError } from './errors.ts';
import type { ApiComponent } from './types.ts';

/** Discord's documented message limits (message.mdx "Embed Limits", "Create Message"). */
export const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  selectOptions: 25,
  customId: 100,
  buttonLabel: 80,
  componentsV2Total: 40,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Message flag that switches a message to the layout ("components v2") system. */
export const IS_COMPONENTS_V2 = 1 << 15;

interface MessageBody {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  flags?: unknown;
}

function maxLength(path: Array<string | number>, value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    throw formError(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function validateEmbeds(embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds))
    throw formError(['embeds'], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  if (embeds.length > Limits.embeds) {
    throw formError(['embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.embeds} or fewer in length.`);
  }
  let total = 0;
  embeds.forEach((raw: unknown, i) => {
    const embed = (raw ?? {}) as Record<string, unknown>;
    const footer = (embed.footer ?? {}) as Record<string, unknown>;
    const author = (embed.author ?? {}) as Record<string, unknown>;
    maxLength(['embeds', i, 'title'], embed.title, Limits.embedTitle);
    maxLength(['embeds', i, 'description'], embed.description, Limits.embedDescription);
    maxLength(['embeds', i, 'footer', 'text'], footer.text, Limits.footerText);
    maxLength(['embeds', i, 'author', 'name'], author.name, Limits.authorName);
    total += str(embed.title).length + str(embed.description).length;
    total += str(footer.text).length + str(author.name).length;
    const fields = embed.fields;
    if (Array.isArray(fields)) {
      if (fields.length > Limits.embedFields) {
        throw formError(
          ['embeds', i, 'fields'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${Limits.embedFields} or fewer in length.`,
        );
      }
      fields.forEach((rawField: unknown, j) => {
        const field = (rawField ?? {}) as Record<string, unknown>;
        for (const key of ['name', 'value'] as const) {
          if (typeof field[key] !== 'string' || field[key] === '') {
            throw formError(['embeds', i, 'fields', j, key], 'BASE_TYPE_REQUIRED', 'This field is required');
          }
        }
        maxLength(['embeds', i, 'fields', j, 'name'], field.name, Limits.fieldName);
        maxLength(['embeds', i, 'fields', j, 'value'], field.value, Limits.fieldValue);
        total += str(field.name).length + str(field.value).length;
      });
    }
  });
  if (total > Limits.embedTotal) {
    throw formError(
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${Limits.embedTotal}`,
    );
  }
}

function validateInteractive(c: ApiComponent, path: Array<string | number>, seen: Set<string>): void {
  const isLink = c.type === 2 && (c.style === 5 || c.style === 6);
  if (!isLink) {
    if (typeof c.custom_id !== 'string' || c.custom_id === '') {
      throw formError([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    maxLength([...path, 'custom_id'], c.custom_id, Limits.customId);
    if (seen.has(c.custom_id)) {
      throw formError(
        [...path, 'custom_id'],
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        'Component custom id cannot be duplicated',
      );
    }
    seen.add(c.custom_id);
  }
  if (c.type === 2) maxLength([...path, 'label'], c.label, Limits.buttonLabel);
  if (c.type === 3) {
    const options = c.options ?? [];
    if (options.length < 1 || options.length > Limits.selectOptions) {
      throw formError(
        [...path, 'options'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${Limits.selectOptions} in length.`,
      );
    }
  }
}

function validateComponents(components: unknown, flags: number): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    throw formError(['components'], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  }
  const seen = new Set<string>();
  const rows = components as ApiComponent[];
  if (flags & IS_COMPONENTS_V2) {
    // Layout components nest arbitrarily; Discord caps the total count.
    let count = 0;
    const walk = (list: ApiComponent[], path: Array<string | number>): void => {
      list.forEach((c, i) => {
        count++;
        if (c.type === 2 || (c.type >= 3 && c.type <= 8)) validateInteractive(c, [...path, i], seen);
        if (Array.isArray(c.components)) walk(c.components, [...path, i, 'components']);
        if (c.accessory && typeof c.accessory === 'object')
          walk([c.accessory as ApiComponent], [...path, i, 'accessory']);
      });
    };
    walk(rows, ['components']);
    if (count > Limits.componentsV2Total) {
      throw formError(
        ['components'],
        'BASE_TYPE_MAX_LENGTH',
        `Must be ${Limits.componentsV2Total} or fewer in length.`,
      );
    }
    return;
  }
  if (rows.length > Limits.actionRows) {
    throw formError(
      ['components'],
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${Limits.actionRows} or fewer in length.`,
    );
  }
  rows.forEach((row, i) => {
    if (row.type !== 1) {
      throw formError(
        ['components', i, 'type'],
        'UNION_TYPE_CHOICES',
        'Value of field "type" must be one of (1,).',
      );
    }
    const children = row.components ?? [];
    if (children.length < 1 || children.length > Limits.rowButtons) {
      throw formError(
        ['components', i, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${Limits.rowButtons} in length.`,
      );
    }
    const hasSelect = children.some((c) => c.type !== 2);
    if (hasSelect && children.length > 1) {
      throw formError(
        ['components', i, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    children.forEach((c, j) => {
      validateInteractive(c, ['components', i, 'components', j], seen);
    });
  });
}

/** Validates content/embeds/components like Discord does for create and edit; throws ApiError. */
export function validateMessageBody(body: MessageBody): void {
  if (body.content !== undefined && body.content !== null && typeof body.content !== 'string') {
    throw formError(['content'], 'BASE_TYPE_STRING', 'Could not interpret the value as string.');
  }
  maxLength(['content'], body.content, Limits.content);
  validateEmbeds(body.embeds);
  validateComponents(body.components, typeof body.flags === 'number' ? body.flags : 0);
}

/** Discord refuses messages with nothing to show (code 50006). */
export function assertNotEmpty(message: {
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  stickers?: unknown[];
  poll?: unknown;
}): void {
  const empty =
    message.content.trim() === '' &&
    message.embeds.length === 0 &&
    message.components.length === 0 &&
    message.attachments.length === 0 &&
    (message.stickers?.length ?? 0) === 0 &&
    !message.poll;
  if (empty) throw Errors.emptyMessage();
}

/** Autocomplete responses: ≤25 choices, names 1–100 chars, string values ≤100 chars. */
export function validateChoices(choices: unknown): Array<{ name: string; value: string | number }> {
  if (!Array.isArray(choices))
    throw formError(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  if (choices.length > Limits.autocompleteChoices) {
    throw formError(
      ['data', 'choices'],
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${Limits.autocompleteChoices} or fewer in length.`,
    );
  }
  return choices.map((raw: unknown, i) => {
    const choice = (raw ?? {}) as Record<string, unknown>;
    if (typeof choice.name !== 'string' || choice.name.length < 1 || choice.name.length > Limits.choiceName) {
      throw formError(
        ['data', 'choices', i, 'name'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${Limits.choiceName} in length.`,
      );
    }
    if (typeof choice.value === 'string') {
      maxLength(['data', 'choices', i, 'value'], choice.value, Limits.choiceValue);
      return { name: choice.name, value: choice.value };
    }
    if (typeof choice.value === 'number') return { name: choice.name, value: choice.value };
    throw formError(['data', 'choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
}
