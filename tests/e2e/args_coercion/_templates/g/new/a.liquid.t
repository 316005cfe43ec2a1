---
to: out.txt
---
count={{ count }} plus={{ count | plus: 1 }}
myVar={{ myVar }} dashed={{ ['my-var'] }}
flag={{ flag }} on={{ on }}
tags={{ tag | join: "," }}
eq={{ eq }} empty=[{{ empty }}] quoted={{ q }}
str={{ str }} zero={{ zip }} hex={{ hex }}
deep={{ opt.deep.key }}
rest={{ _ | join: "," }}
