---
sh: |
  echo first > out.txt
  echo second >> out.txt
---
