import { benchCatchUp } from './sync-catchup.bench';
benchCatchUp(40000).then((f) => { console.log(JSON.stringify(f)); process.exit(0); });
