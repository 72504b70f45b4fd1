// Kept so `node dist/schema/precompile.js` still runs the whole build step (src/prepare.ts).
import '../../commands/prepare.js';
