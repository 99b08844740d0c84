// The Slack incoming-webhook message: the Block Kit subset Spanlens sends plus what the public samples
// in fixtures/formats/slack/ use, with Slack's documented limits (docs.slack.dev/reference/block-kit:
// blocks/*, block-elements/*, composition-objects/text-object). Blocks and elements are strict, so a
// misspelt key in our builder fails its test instead of being dropped by Slack.
import { z } from 'zod'

export const SLACK_LIMITS = {
  blocks: 50, // a message's blocks (reference/block-kit/blocks)
  headerText: 150, // header block: "Maximum length for the text in this field is 150 characters"
  sectionText: 3000, // section block text
  sectionFields: 10, // section block: "Maximum number of items is 10"
  fieldText: 2000, // "Maximum length for the text in each item is 2000 characters"
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  url: 3000, // button url, image_url
  actionId: 255,
  blockId: 255,
  messageText: 40_000, // chat.postMessage: longer text is truncated by Slack
} as const

const max = (limit: number, what: string) => z.string().max(limit, `${what}: at most ${limit} characters`)

const plainText = (limit: number, what: string) =>
  z.strictObject({ type: z.literal('plain_text'), text: max(limit, what).min(1, `${what}: empty`), emoji: z.boolean().optional() })
const mrkdwn = (limit: number, what: string) =>
  z.strictObject({ type: z.literal('mrkdwn'), text: max(limit, what).min(1, `${what}: empty`), verbatim: z.boolean().optional() })
const textObject = (limit: number, what: string) => z.discriminatedUnion('type', [plainText(limit, what), mrkdwn(limit, what)])

const blockId = max(SLACK_LIMITS.blockId, 'block_id').optional()
const actionId = max(SLACK_LIMITS.actionId, 'action_id').optional()

const imageElement = z.strictObject({ type: z.literal('image'), image_url: max(SLACK_LIMITS.url, 'image_url'), alt_text: z.string() })
const button = z.strictObject({
  type: z.literal('button'),
  text: plainText(SLACK_LIMITS.buttonText, 'button text'),
  url: max(SLACK_LIMITS.url, 'button url').optional(),
  value: max(2000, 'button value').optional(),
  action_id: actionId,
  style: z.enum(['primary', 'danger']).optional(),
})
const conversationsSelect = z.strictObject({
  type: z.literal('conversations_select'),
  placeholder: plainText(150, 'placeholder').optional(),
  action_id: actionId,
})
const plainTextInput = z.strictObject({ type: z.literal('plain_text_input'), action_id: actionId, multiline: z.boolean().optional() })

const headerBlock = z.strictObject({
  type: z.literal('header'),
  block_id: blockId,
  text: plainText(SLACK_LIMITS.headerText, 'header text'),
})
const sectionBlock = z
  .strictObject({
    type: z.literal('section'),
    block_id: blockId,
    text: textObject(SLACK_LIMITS.sectionText, 'section text').optional(),
    fields: z
      .array(textObject(SLACK_LIMITS.fieldText, 'section field'))
      .min(1)
      .max(SLACK_LIMITS.sectionFields, `at most ${SLACK_LIMITS.sectionFields} fields`)
      .optional(),
    accessory: z.discriminatedUnion('type', [imageElement, button, conversationsSelect]).optional(),
  })
  .refine((section) => section.text !== undefined || section.fields !== undefined, 'a section needs text or fields')
const contextBlock = z.strictObject({
  type: z.literal('context'),
  block_id: blockId,
  elements: z
    .array(
      z.discriminatedUnion('type', [
        imageElement,
        plainText(SLACK_LIMITS.sectionText, 'context text'),
        mrkdwn(SLACK_LIMITS.sectionText, 'context text'),
      ]),
    )
    .min(1)
    .max(SLACK_LIMITS.contextElements, `at most ${SLACK_LIMITS.contextElements} context elements`),
})
const actionsBlock = z.strictObject({
  type: z.literal('actions'),
  block_id: blockId,
  elements: z.array(button).min(1).max(SLACK_LIMITS.actionsElements, `at most ${SLACK_LIMITS.actionsElements} elements`),
})
const dividerBlock = z.strictObject({ type: z.literal('divider'), block_id: blockId })
const imageBlock = z.strictObject({
  type: z.literal('image'),
  block_id: blockId,
  image_url: max(SLACK_LIMITS.url, 'image_url'),
  alt_text: max(2000, 'alt_text'),
  title: plainText(2000, 'image title').optional(),
})
const inputBlock = z.strictObject({
  type: z.literal('input'),
  block_id: blockId,
  label: plainText(2000, 'input label'),
  element: plainTextInput,
  optional: z.boolean().optional(),
})

export const slackBlockSchema = z.discriminatedUnion('type', [
  headerBlock,
  sectionBlock,
  contextBlock,
  actionsBlock,
  dividerBlock,
  imageBlock,
  inputBlock,
])
const blocks = z.array(slackBlockSchema).max(SLACK_LIMITS.blocks, `at most ${SLACK_LIMITS.blocks} blocks`)

/** Legacy attachments are read for their blocks only (attachment_blocks.json); their other fields pass unchecked. */
const attachment = z.looseObject({ blocks: blocks.optional() })

export const slackMessageSchema = z
  .strictObject({
    text: max(SLACK_LIMITS.messageText, 'text').optional(),
    blocks: blocks.optional(),
    attachments: z.array(attachment).optional(),
    channel: z.string().optional(),
  })
  .refine(
    (message) => Boolean(message.text?.trim()) || Boolean(message.blocks?.length) || Boolean(message.attachments?.length),
    'a message needs text, blocks or attachments',
  )
export type SlackMessage = z.infer<typeof slackMessageSchema>
export type SlackBlock = z.infer<typeof slackBlockSchema>
