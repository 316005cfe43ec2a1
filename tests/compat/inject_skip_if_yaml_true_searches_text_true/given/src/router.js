const ok = true;
