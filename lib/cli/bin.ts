#!/usr/bin/env node
// The launcher: everything else is in main(), which tests call with their own streams.
import { launch } from './launch.js';

launch();
