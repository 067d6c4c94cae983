import { type ReactNode, useEffect, useState } from 'react';
import { HOLD_STATUSES, RISK_CATEGORIES, RULE_IDS, STAGES } from '../api/ops-api.types';
import { CATEGORY_LABELS, constantLabel, STATUS_LABELS } from '../shared/hold-labels';
import { activeFilterCount, EMPTY_FILTERS, filtersFromQuery, type QueueFilters } from './queue-filters';

function SelectFilter(props: {
  id: string;
  label: string;
  value: string | null;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | null) => void;
}): ReactNode {
  return (
    <div className="filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.target.value || null)}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Filters for the queue; selects apply at once, typed fields on Enter or when focus leaves them. */
export function QueueFilterBar(props: {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
}): ReactNode {
  const { filters, onChange } = props;
  const [port, setPort] = useState(filters.port ?? '');
  const [minAge, setMinAge] = useState(filters.minAgeHours === null ? '' : String(filters.minAgeHours));
  const [typedError, setTypedError] = useState<string | null>(null);

  useEffect(() => setPort(filters.port ?? ''), [filters.port]);
  useEffect(
    () => setMinAge(filters.minAgeHours === null ? '' : String(filters.minAgeHours)),
    [filters.minAgeHours],
  );

  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void =>
    onChange({ ...filters, [key]: value });

  const applyTyped = (): void => {
    // Reuse the query-string parser so typed values are checked exactly like links are.
    const parsed = filtersFromQuery(new URLSearchParams({ port, minAgeHours: minAge }).toString());
    if (port.trim() !== '' && parsed.port === null) {
      setTypedError('Port must be a UN/LOCODE such as VNHPH.');
      return;
    }
    if (minAge.trim() !== '' && parsed.minAgeHours === null) {
      setTypedError('Minimum age must be a positive number of hours.');
      return;
    }
    setTypedError(null);
    if (parsed.port !== filters.port || parsed.minAgeHours !== filters.minAgeHours) {
      onChange({ ...filters, port: parsed.port, minAgeHours: parsed.minAgeHours });
    }
  };

  const active = activeFilterCount(filters);
  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...(filters.assignee && filters.assignee !== 'me' && filters.assignee !== 'none'
      ? [{ value: filters.assignee, label: `User ${filters.assignee}` }]
      : []),
  ];

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter holds"
      onSubmit={(event) => {
        event.preventDefault();
        applyTyped();
      }}
    >
      <SelectFilter
        id="filter-status"
        label="Status"
        value={filters.status}
        anyLabel="All statuses"
        options={HOLD_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
        onChange={(value) => set('status', value as QueueFilters['status'])}
      />
      <SelectFilter
        id="filter-sla"
        label="SLA"
        value={filters.sla}
        anyLabel="Any SLA"
        options={[
          { value: 'BREACHED', label: 'Breached' },
          { value: 'NEAR', label: 'Near breach' },
          { value: 'OK', label: 'On time' },
        ]}
        onChange={(value) => set('sla', value as QueueFilters['sla'])}
      />
      <SelectFilter
        id="filter-stage"
        label="Stage"
        value={filters.stage}
        anyLabel="All stages"
        options={STAGES.map((value) => ({ value, label: constantLabel(value) }))}
        onChange={(value) => set('stage', value as QueueFilters['stage'])}
      />
      <SelectFilter
        id="filter-category"
        label="Category"
        value={filters.category}
        anyLabel="All categories"
        options={RISK_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))}
        onChange={(value) => set('category', value as QueueFilters['category'])}
      />
      <SelectFilter
        id="filter-rule"
        label="Rule"
        value={filters.ruleId}
        anyLabel="All rules"
        options={RULE_IDS.map((value) => ({ value, label: value }))}
        onChange={(value) => set('ruleId', value as QueueFilters['ruleId'])}
      />
      <SelectFilter
        id="filter-assignee"
        label="Assignee"
        value={filters.assignee}
        anyLabel="Anyone"
        options={assigneeOptions}
        onChange={(value) => set('assignee', value)}
      />
      <div className="filter filter--narrow">
        <label htmlFor="filter-port">Port</label>
        <input
          id="filter-port"
          value={port}
          maxLength={5}
          placeholder="VNHPH"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={typedError ? 'filter-typed-error' : undefined}
          onChange={(event) => setPort(event.target.value.toUpperCase())}
          onBlur={applyTyped}
        />
      </div>
      <div className="filter filter--narrow">
        <label htmlFor="filter-age">Min. age (h)</label>
        <input
          id="filter-age"
          value={minAge}
          inputMode="decimal"
          placeholder="0"
          autoComplete="off"
          aria-describedby={typedError ? 'filter-typed-error' : undefined}
          onChange={(event) => setMinAge(event.target.value)}
          onBlur={applyTyped}
        />
      </div>
      <div className="filters__buttons">
        <button type="submit" className="button">
          Apply
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={active === 0}
          onClick={() => {
            setTypedError(null);
            onChange({ ...EMPTY_FILTERS, sort: filters.sort });
          }}
        >
          Clear{active > 0 ? ` (${active})` : ''}
        </button>
      </div>
      <p className="filters__error" id="filter-typed-error" role={typedError ? 'alert' : undefined}>
        {typedError}
      </p>
    </form>
  );
}
