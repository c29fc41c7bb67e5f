// The chart library writes `style` attributes and a <style> block (hover effects) into its SVG. The page's
// Content Security Policy allows no inline styles, so before the SVG goes into a page its style declarations
// become SVG presentation attributes and the <style> block is dropped.
const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;
const PROPERTY = /^[a-z-]+$/;

function asAttributes(declarations: string): string {
  return declarations
    .split(';')
    .map((d) => d.split(':'))
    .filter((pair): pair is [string, string] => pair.length === 2 && PROPERTY.test((pair[0] ?? '').trim()))
    .map(([name, value]) => ` ${name.trim()}="${value.trim().replace(/"/g, '&quot;')}"`)
    .join('');
}

/** Also lets the chart shrink with the page: the root's fixed width becomes 100% (its viewBox keeps the shape). */
export function inlineSafeSvg(svg: string): string {
  const safe = svg.replace(STYLE_BLOCK, '').replace(STYLE_ATTRIBUTE, (_all, declarations: string) => asAttributes(declarations));
  return safe.replace(/^(<svg\b[^>]*?)\swidth="\d+"\sheight="\d+"/, '$1 width="100%"');
}
