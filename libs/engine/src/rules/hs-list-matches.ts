import type { GoodsItem } from '@chokepoint/contracts';
import type { HsListEntry, HsListName, HsListRule } from '../rule-pack/rule-pack.types';
import type { LicenceStatus, ScreeningInput } from './rule.types';
import { uniqueCategories } from './rule-finding';

export interface ControlledItem {
  item: GoodsItem;
  entries: HsListEntry[];
  licenceStatus: LicenceStatus;
  licenceReference: string | null;
}

/** Goods items whose HS codes hit the lists feeding a rule (or any of the named lists). */
export function itemsOnLists(
  input: ScreeningInput,
  filter: { rule?: HsListRule; lists?: readonly string[] },
): ControlledItem[] {
  const items: ControlledItem[] = [];
  for (const goods of input.goods) {
    const entries = goods.hsHits.filter(
      (entry) =>
        (filter.rule === undefined || entry.rule === filter.rule) &&
        (filter.lists === undefined || filter.lists.includes(entry.list)),
    );
    if (entries.length === 0) {
      continue;
    }
    const licence = input.licenceFor(goods.item);
    items.push({
      item: goods.item,
      entries,
      licenceStatus: licence.status,
      licenceReference: licence.licence?.reference ?? null,
    });
  }
  return items;
}

export function hasControlledGoods(input: ScreeningInput, lists?: readonly HsListName[]): boolean {
  return input.goods.some((goods) =>
    goods.hsHits.some((entry) => lists === undefined || lists.includes(entry.list)),
  );
}

export function controlledEvidence(controlled: ControlledItem): Record<string, unknown> {
  return {
    goodsItem: controlled.item.sequence,
    hsCodes: controlled.item.hsCodes,
    listed: controlled.entries.map((entry) => ({
      code: entry.code,
      list: entry.list,
      category: entry.category,
    })),
    licenceStatus: controlled.licenceStatus,
    licenceReference: controlled.licenceReference,
  };
}

export function categoriesOf(controlled: ControlledItem): ReturnType<typeof uniqueCategories> {
  return uniqueCategories(controlled.entries.map((entry) => entry.category));
}
