---
to: src/components/<%= Name %>/<%= Name %>.jsx
---
export const <%= Name %> = () => null; // <%= name %> <%= names %> <%= Names %>
