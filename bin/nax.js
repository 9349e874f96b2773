#!/usr/bin/env node
// The `nax` command: the committed bundle, so no build step is needed after `npm ci`.
import '../dist/cli/index.js';
