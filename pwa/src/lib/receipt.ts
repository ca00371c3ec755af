/**
 * Receipts of CONTRACT 3, verified in the browser: the inclusion proof leads from the event hash
 * to the root (RFC 9162), and the root was anchored by the named transaction, found on the chain
 * through any Ethereum JSON-RPC endpoint by its root (eth_getLogs, topics[1] = root).
 */
import { fromHex } from "./bytes";
import { rootFromInclusionProof } from "./merkle";
import { toHex } from "./bytes";

export interface Anchor {
  chainId: number;
  contract: string;
  txHash: string;
  blockNumber: number;
  blockHash: string;
}

export interface Receipt {
  version: number;
  eventId: string;
  eventHash: string;
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
  root: string;
  batchId: string;
  anchor: Anchor;
}

export type Verdict = { valid: true; detail: string } | { valid: false; reason: string };

/** The proof part: offline, from the receipt (and the event's own hash when the caller has the event). */
export async function verifyProof(receipt: Receipt, eventHash?: string): Promise<Verdict> {
  if (receipt.version !== 1) {
    return { valid: false, reason: "unknown receipt version " + receipt.version };
  }
  if (eventHash !== undefined && eventHash !== receipt.eventHash) {
    return { valid: false, reason: "the receipt is for another event hash" };
  }
  try {
    const root = await rootFromInclusionProof(receipt.leafIndex, receipt.treeSize, fromHex(receipt.eventHash),
      receipt.auditPath.map(fromHex));
    if (toHex(root) !== receipt.root.toLowerCase()) {
      return { valid: false, reason: "the audit path does not lead to the receipt's root" };
    }
    return { valid: true, detail: `leaf ${receipt.leafIndex} of ${receipt.treeSize} under root ${receipt.root}` };
  } catch (e) {
    return { valid: false, reason: (e as Error).message };
  }
}

async function rpc(url: string, method: string, params: unknown[]): Promise<any> {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const answer = await response.json();
  if (answer.error) {
    throw new Error(`${method}: ${answer.error.message}`);
  }
  return answer.result;
}

/** The chain part: the anchoring log of this root, in the receipt's block and transaction, at its contract. */
export async function verifyOnChain(receipt: Receipt, rpcUrl: string): Promise<Verdict> {
  try {
    const chainId = Number(await rpc(rpcUrl, "eth_chainId", []));
    if (chainId !== receipt.anchor.chainId) {
      return { valid: false, reason: `the RPC serves chain ${chainId}, the receipt names ${receipt.anchor.chainId}` };
    }
    const block = "0x" + receipt.anchor.blockNumber.toString(16);
    const logs: any[] = await rpc(rpcUrl, "eth_getLogs", [{ address: receipt.anchor.contract, fromBlock: block, toBlock: block,
      topics: [null, "0x" + receipt.root.toLowerCase()] }]);
    const match = logs.find((log) => log.transactionHash?.toLowerCase() === receipt.anchor.txHash.toLowerCase());
    if (!match) {
      return { valid: false, reason: "no anchoring of this root by the receipt's transaction in block " + receipt.anchor.blockNumber };
    }
    if (match.blockHash?.toLowerCase() !== receipt.anchor.blockHash.toLowerCase()) {
      return { valid: false, reason: "the anchoring block is not the receipt's (a reorganisation?)" };
    }
    return { valid: true, detail: `anchored in block ${receipt.anchor.blockNumber} by ${receipt.anchor.txHash}` };
  } catch (e) {
    return { valid: false, reason: "the chain cannot be asked: " + (e as Error).message };
  }
}
