import {
  type FieldError,
  type HoldStatus,
  type HoldSummary,
  RELEASE_REASON_CODES,
  type Role,
  ROLES,
  TWO_OFFICER_CATEGORIES,
  type User,
} from '../api/ops-api.types';

export const HOLD_ACTION_KINDS = [
  'claim',
  'assign',
  'note',
  'request-info',
  'info-received',
  'release',
  'refer-inspection',
  'seizure',
] as const;
export type HoldActionKind = (typeof HOLD_ACTION_KINDS)[number];

export interface ActionField {
  name: 'text' | 'reasonCode' | 'userId';
  label: string;
  kind: 'textarea' | 'select';
  required: boolean;
  hint?: string;
  options?: readonly { value: string; label: string }[];
}

export interface HoldActionSpec {
  kind: HoldActionKind;
  /** Button and dialog title. */
  label: string;
  description: string;
  submitLabel: string;
  minimumRole: Role;
  /** Statuses in which the action makes sense; the server still decides (409). */
  statuses: readonly HoldStatus[];
  fields: readonly ActionField[];
  /** Visually distinct submit for actions that end or escalate the hold. */
  weighty: boolean;
}

export const REASON_CODE_LABELS: Record<(typeof RELEASE_REASON_CODES)[number], string> = {
  LICENCE_VERIFIED: 'Licence verified',
  FALSE_POSITIVE_MATCH: 'False positive match',
  INSPECTION_CLEAR: 'Inspection clear',
  DOCUMENTS_CORRECTED: 'Documents corrected',
  OTHER: 'Other (explain below)',
};

const TEXT_MAX = 4000;
const OPEN_STATUSES: readonly HoldStatus[] = [
  'OPEN',
  'CLAIMED',
  'INFO_REQUESTED',
  'REFERRED',
  'AWAITING_SECOND_OFFICER',
];
const ALL_STATUSES: readonly HoldStatus[] = [...OPEN_STATUSES, 'RELEASED', 'SEIZED'];

function text(label: string, hint?: string): ActionField {
  return { name: 'text', label, kind: 'textarea', required: true, hint };
}

export const HOLD_ACTIONS: Record<HoldActionKind, HoldActionSpec> = {
  claim: {
    kind: 'claim',
    label: 'Claim',
    description: 'Take this hold: it is assigned to you and others see that you are working on it.',
    submitLabel: 'Claim hold',
    minimumRole: 'officer',
    statuses: OPEN_STATUSES,
    fields: [],
    weighty: false,
  },
  assign: {
    kind: 'assign',
    label: 'Assign',
    description: 'Give this hold to another officer.',
    submitLabel: 'Assign',
    minimumRole: 'supervisor',
    statuses: OPEN_STATUSES,
    fields: [{ name: 'userId', label: 'Officer', kind: 'select', required: true }],
    weighty: false,
  },
  note: {
    kind: 'note',
    label: 'Add note',
    description: 'Notes are part of the audit trail and cannot be edited later.',
    submitLabel: 'Add note',
    minimumRole: 'officer',
    statuses: ALL_STATUSES,
    fields: [text('Note')],
    weighty: false,
  },
  'request-info': {
    kind: 'request-info',
    label: 'Request information',
    description: 'Ask the declarant or carrier for information. The SLA clock pauses until it is received.',
    submitLabel: 'Request information',
    minimumRole: 'officer',
    statuses: ['OPEN', 'CLAIMED', 'REFERRED'],
    fields: [text('What is requested, and from whom')],
    weighty: false,
  },
  'info-received': {
    kind: 'info-received',
    label: 'Information received',
    description: 'Record what was received. The SLA clock resumes.',
    submitLabel: 'Record information',
    minimumRole: 'officer',
    statuses: ['INFO_REQUESTED'],
    fields: [text('What was received')],
    weighty: false,
  },
  release: {
    kind: 'release',
    label: 'Release',
    description: 'Release the consignment: a RELEASE decision is published to clearance and terminals.',
    submitLabel: 'Release consignment',
    minimumRole: 'officer',
    statuses: OPEN_STATUSES,
    fields: [
      {
        name: 'reasonCode',
        label: 'Reason',
        kind: 'select',
        required: true,
        options: RELEASE_REASON_CODES.map((value) => ({ value, label: REASON_CODE_LABELS[value] })),
      },
      text('Justification', 'Say what you checked; this text goes into the audit trail.'),
    ],
    weighty: true,
  },
  'refer-inspection': {
    kind: 'refer-inspection',
    label: 'Refer to inspection',
    description: 'Send the consignment for physical inspection.',
    submitLabel: 'Refer to inspection',
    minimumRole: 'officer',
    statuses: ['OPEN', 'CLAIMED', 'AWAITING_SECOND_OFFICER'],
    fields: [text('What the inspection should check')],
    weighty: true,
  },
  seizure: {
    kind: 'seizure',
    label: 'Seize',
    description: 'Record the seizure of the consignment. This ends the hold.',
    submitLabel: 'Record seizure',
    minimumRole: 'supervisor',
    statuses: OPEN_STATUSES,
    fields: [text('Grounds for seizure')],
    weighty: true,
  },
};

export function hasRole(user: Pick<User, 'roles'> | null, minimum: Role): boolean {
  if (!user) {
    return false;
  }
  const needed = ROLES.indexOf(minimum);
  return user.roles.some((role) => ROLES.indexOf(role) >= needed);
}

/** Whether releasing this hold takes a second, different officer (DESIGN.md). */
export function needsSecondOfficer(hold: Pick<HoldSummary, 'categories'>): boolean {
  return hold.categories.some((category) => TWO_OFFICER_CATEGORIES.includes(category));
}

/** The actions this user can offer on this hold, in the order the toolbar shows them. */
export function availableActions(
  hold: Pick<HoldSummary, 'status' | 'assignee'> | null,
  user: Pick<User, 'id' | 'roles'> | null,
): HoldActionKind[] {
  if (!hold) {
    return [];
  }
  return HOLD_ACTION_KINDS.filter((kind) => {
    const spec = HOLD_ACTIONS[kind];
    if (!hasRole(user, spec.minimumRole) || !spec.statuses.includes(hold.status)) {
      return false;
    }
    // Only an unassigned hold can be claimed; taking one from another officer is a supervisor's assign.
    return !(kind === 'claim' && hold.assignee !== null);
  });
}

export type ActionValues = Partial<Record<ActionField['name'], string>>;

/** Request body for POST /api/holds/:id/<kind>. */
export function actionRequestBody(kind: HoldActionKind, values: ActionValues): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of HOLD_ACTIONS[kind].fields) {
    body[field.name] = field.name === 'text' ? (values.text ?? '').trim() : (values[field.name] ?? '');
  }
  return body;
}

/** Checks the console makes before sending, in the server's error shape so both render alike. */
export function validateAction(kind: HoldActionKind, values: ActionValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of HOLD_ACTIONS[kind].fields) {
    const value = (values[field.name] ?? '').trim();
    if (field.required && value === '') {
      errors.push({ field: field.name, code: 'REQUIRED', message: `${field.label} is required.` });
    } else if (field.name === 'text' && value.length > TEXT_MAX) {
      errors.push({
        field: field.name,
        code: 'TOO_LONG',
        message: `${field.label} is ${value.length} characters; the limit is ${TEXT_MAX}.`,
      });
    }
  }
  return errors;
}

/** Server field errors keyed by field; errors for fields the form does not show go to the form. */
export function fieldErrorMap(
  kind: HoldActionKind,
  errors: readonly FieldError[],
): { byField: Partial<Record<ActionField['name'], string>>; form: string[] } {
  const names = new Set<string>(HOLD_ACTIONS[kind].fields.map((field) => field.name));
  const byField: Partial<Record<ActionField['name'], string>> = {};
  const form: string[] = [];
  for (const error of errors) {
    if (names.has(error.field)) {
      const name = error.field as ActionField['name'];
      byField[name] = byField[name] ? `${byField[name]} ${error.message}` : error.message;
    } else {
      form.push(error.field ? `${error.field}: ${error.message}` : error.message);
    }
  }
  return { byField, form };
}

/** What the officer reads after the server accepted the action. */
export function actionOutcomeMessage(
  kind: HoldActionKind,
  result: Pick<HoldSummary, 'status' | 'consignmentId'>,
): string {
  if (kind === 'release' && result.status === 'AWAITING_SECOND_OFFICER') {
    return `Your release of ${result.consignmentId} is recorded. Awaiting second officer: another officer must release it too.`;
  }
  switch (kind) {
    case 'claim':
      return `You have claimed ${result.consignmentId}.`;
    case 'assign':
      return `${result.consignmentId} is assigned.`;
    case 'note':
      return 'Note added.';
    case 'request-info':
      return 'Information requested; the SLA clock is paused.';
    case 'info-received':
      return 'Information recorded; the SLA clock is running again.';
    case 'release':
      return `${result.consignmentId} is released; the RELEASE decision is published.`;
    case 'refer-inspection':
      return `${result.consignmentId} is referred to inspection.`;
    case 'seizure':
      return `Seizure of ${result.consignmentId} is recorded.`;
  }
}
