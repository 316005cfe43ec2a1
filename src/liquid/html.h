#pragma once
// HTML escaping shared by Liquid's `escape` filters and EJS's `<%= %>`:
// both escape the same five characters the same way (LiquidJS's escape and
// ejs's escapeXML): & < > " ' → &amp; &lt; &gt; &#34; &#39;.

#include <string>
#include <string_view>

namespace hypergen::liquid {

void append_escaped_html(std::string& out, std::string_view s);

}  // namespace hypergen::liquid
