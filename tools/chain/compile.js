// Compiles a Solidity source offline with the bundled solc-js and prints
// {"contractName", "compiler", "evmVersion", "abi", "bytecode"} as JSON on stdout.
// Usage: node tools/chain/compile.js path/To/Contract.sol ContractName
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [source, name] = process.argv.slice(2);
if (!source || !name) {
  console.error('usage: node compile.js CONTRACT.sol CONTRACT_NAME');
  process.exit(2);
}
const EVM_VERSION = 'cancun';
const input = {
  language: 'Solidity',
  sources: { [path.basename(source)]: { content: fs.readFileSync(source, 'utf8') } },
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    // no metadata hash: the bytecode depends on the source only, not on file paths
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
const contract = output.contracts[path.basename(source)][name];
if (!contract) {
  console.error(`no contract ${name} in ${source}`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({
  contractName: name,
  compiler: 'solc ' + solc.version(),
  evmVersion: EVM_VERSION,
  abi: contract.abi,
  bytecode: '0x' + contract.evm.bytecode.object,
}, null, 2) + '\n');
