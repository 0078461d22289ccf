// The built entry (bin/kfq.js imports it): run the program, set the exit code.
import { main } from './cli.js';

process.exitCode = await main();
