/**
 * The layer palette: every catalog layer grouped by category, searchable. A layer is added by
 * dragging it onto the canvas, or by click / Enter, which puts it below the selected layer and
 * wires it up, so a chain can be built from the keyboard alone.
 */
import { memo, useId, useMemo, useState, type CSSProperties, type DragEvent, type ReactElement } from 'react';
import { LAYER_TYPES, getSpec, type LayerType } from '../../src-shared/layers/catalog.js';
import { Icon } from '../app/Icon.js';
import { useServices } from '../app/editor-context.js';
import { appendNode } from '../state/document-edits.js';
import { CATEGORIES, categoryColor } from './categories.js';

/** dataTransfer type carrying the layer type from palette to canvas. */
export const LAYER_MIME = 'application/x-netwright-layer';

/** Layers whose label, type name, category or help mention every word of the query. */
export function filterLayers(query: string): LayerType[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...LAYER_TYPES];
  return LAYER_TYPES.filter((t) => {
    const s = getSpec(t);
    const text = `${s.label} ${t} ${s.category} ${s.help}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function Palette(): ReactElement {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const groups = useMemo(() => {
    const shown = new Set(filterLayers(query));
    return CATEGORIES.map((c) => ({ ...c, types: LAYER_TYPES.filter((t) => shown.has(t) && getSpec(t).category === c.category) })).filter(
      (g) => g.types.length > 0,
    );
  }, [query]);

  return (
    <aside className="panel palette" aria-label="Layer palette">
      <div className="panel-header">
        <h2>Layers</h2>
        <span className="panel-header__hint">drag or click to add</span>
      </div>
      <div className="palette-search">
        <Icon name="search" />
        <input
          id={searchId}
          type="search"
          aria-label="Search layers"
          placeholder="Search layers…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
        />
      </div>
      <div className="palette-groups">
        {groups.length === 0 && <p className="palette-empty">No layer matches “{query}”.</p>}
        {groups.map((g) => (
          <section key={g.category} className="palette-group" aria-label={g.title}>
            <h3 className="palette-group__title">
              <span className="swatch" style={{ background: categoryColor(g.category) }} aria-hidden="true" />
              {g.title}
            </h3>
            <ul>
              {g.types.map((t) => (
                <li key={t}>
                  <PaletteItem type={t} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}

const PaletteItem = memo(function PaletteItem({ type }: { type: LayerType }): ReactElement {
  const { store } = useServices();
  const spec = getSpec(type);
  const add = () => {
    const s = store.getState();
    const anchor = s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null;
    const added = appendNode(s.doc, type, anchor);
    s.apply(added);
    if (added.ids[0]) s.reveal(added.ids[0]);
  };
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(LAYER_MIME, type);
    e.dataTransfer.setData('text/plain', type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      onDragStart={onDragStart}
      onClick={add}
      aria-label={`Add ${spec.label} layer`}
      title={`${type}: ${spec.help}`}
      style={{ '--cat': categoryColor(spec.category) } as CSSProperties}
    >
      <span className="palette-item__bar" aria-hidden="true" />
      <span className="palette-item__label">{spec.label}</span>
      <Icon name="plus" className="palette-item__plus" size={14} />
    </button>
  );
});
