import { program } from './program.js';

