import { XMLParser } from 'fast-xml-parser';
import { extractImoNumbers } from './imo-number.extractor';
import type { SanctionsAlias, SanctionsEntry, SanctionsList } from './sanctions-list.model';

export const UN_CONSOLIDATED_LIST_ID = 'un-sc-consolidated';

type XmlValue = string | number | boolean | XmlNode | XmlValue[] | undefined;
interface XmlNode {
  [key: string]: XmlValue;
}

// Elements that may appear once or many times; the parser always yields arrays for them.
const REPEATED_ELEMENTS = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'NAME_ORIGINAL_SCRIPT',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Reference and document numbers must stay strings ("KPi.033", " 381310014").
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
});

function isNode(value: XmlValue): value is XmlNode {
  return typeof value === 'object' && !Array.isArray(value);
}

/** Text of an element, whitespace collapsed; '' for empty placeholders like <THIRD_NAME/>. */
function text(value: XmlValue): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value).replace(/\s+/g, ' ').trim();
  }
  if (isNode(value)) {
    return text(value['#text']);
  }
  return '';
}

function nodes(value: XmlValue): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isNode);
}

function texts(value: XmlValue): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((item) => item.length > 0);
}

/**
 * One ALIAS_NAME can hold several names: "Mortaza Safari; Morteza Saferi", a parenthetical
 * "(original script: Абу Мухаммад)", or a trailing ", born 1 Jan. 1953 (...)". Split them out.
 */
export function splitAliasText(raw: string): string[] {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  const inner = [...collapsed.matchAll(/\(([^()]*)\)/g)].map((match) => match[1] ?? '');
  const outer = collapsed.replace(/\([^()]*\)/g, ' ');
  const names: string[] = [];
  for (const part of [outer, ...inner]) {
    if (/\b(?:born|passport|date of issue)\b/i.test(part) && part === inner.find((item) => item === part)) {
      continue; // a parenthetical about documents or birth, not a name
    }
    for (const piece of part.split(';')) {
      const name = piece
        .replace(/^\s*original script:\s*/i, '')
        .replace(/,?\s+born\b.*$/i, '')
        .replace(/\s+-\s+sub-unit name\s*$/i, '')
        .trim()
        .replace(/^[,\s]+|[,\s]+$/g, '');
      if (/\p{L}/u.test(name)) {
        names.push(name);
      }
    }
  }
  return names;
}

function aliasesOf(aliasNodes: XmlNode[], primary: string, originalScript: string[]): SanctionsAlias[] {
  const seen = new Set([primary.toUpperCase()]);
  const aliases: SanctionsAlias[] = [];
  const add = (name: string, weak: boolean): void => {
    const key = name.toUpperCase();
    if (!seen.has(key)) {
      seen.add(key);
      aliases.push({ name, weak });
    }
  };
  for (const alias of aliasNodes) {
    const weak = text(alias['QUALITY']).toLowerCase() === 'low';
    for (const name of splitAliasText(text(alias['ALIAS_NAME']))) {
      add(name, weak);
    }
  }
  for (const name of originalScript) {
    add(name, false);
  }
  return aliases;
}

function entryOf(node: XmlNode, kind: 'INDIVIDUAL' | 'ENTITY'): SanctionsEntry | undefined {
  const nameParts =
    kind === 'INDIVIDUAL'
      ? ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((field) => text(node[field]))
      : [text(node['FIRST_NAME'])];
  const name = nameParts.filter((part) => part.length > 0).join(' ');
  const reference = text(node['REFERENCE_NUMBER']);
  if (name.length === 0 || reference.length === 0) {
    return undefined;
  }
  const aliasNodes = nodes(node[kind === 'INDIVIDUAL' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS']);
  return {
    reference,
    kind,
    name,
    aliases: aliasesOf(aliasNodes, name, kind === 'INDIVIDUAL' ? texts(node['NAME_ORIGINAL_SCRIPT']) : []),
    imoNumbers: extractImoNumbers(text(node['COMMENTS1'])),
  };
}

/** Parses the UN Security Council Consolidated List XML (as published at scsanctions.un.org). */
export function parseUnConsolidatedList(
  xml: string | Buffer,
  listId = UN_CONSOLIDATED_LIST_ID,
): SanctionsList {
  const document = parser.parse(typeof xml === 'string' ? xml : xml.toString('utf8')) as XmlNode;
  const root = document['CONSOLIDATED_LIST'];
  if (!isNode(root)) {
    throw new Error('not a UN consolidated list: no CONSOLIDATED_LIST root element');
  }
  // The list is versioned by its generation date; the time of day adds nothing an operator can check.
  const version = text(root['@_dateGenerated']).slice(0, 10);
  const entries: SanctionsEntry[] = [];
  for (const [group, kind] of [
    ['INDIVIDUALS', 'INDIVIDUAL'],
    ['ENTITIES', 'ENTITY'],
  ] as const) {
    for (const groupNode of nodes(root[group])) {
      for (const node of nodes(groupNode[kind])) {
        const entry = entryOf(node, kind);
        if (entry !== undefined) {
          entries.push(entry);
        }
      }
    }
  }
  return { listId, version, entries };
}
