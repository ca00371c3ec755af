import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The known answers the Java side is tested against too (common/SharedVectorsTest). */
export const vectors = JSON.parse(readFileSync(fileURLToPath(
  new URL("../../common/src/test/resources/vectors/crypto-vectors.json", import.meta.url)), "utf8"));
