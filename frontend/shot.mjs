import { chromium } from "playwright";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: 1280, height: 1400 } });
await p.goto(process.argv[2]); await p.waitForTimeout(3000);
await p.screenshot({ path: process.argv[3], fullPage: false }); await b.close();
