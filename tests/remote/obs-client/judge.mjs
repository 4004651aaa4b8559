// An independent judge for the studio's obs-websocket v5 server: obs-websocket-js (the client library
// Bitfocus Companion and many scripts are built on) does what an operator's button would do.
//   node judge.mjs ws://127.0.0.1:PORT PASSWORD SCENE msgpack|json
// Under Node.js the package's default export speaks MessagePack (what Companion gets); obs-websocket-js/json
// speaks JSON. Prints one line of JSON with what it saw and exits 0, or prints {"error": ...} and exits 1.
const [url, password, scene, encoding] = process.argv.slice(2);
const { default: OBSWebSocket } = await import(encoding === 'json' ? 'obs-websocket-js/json' : 'obs-websocket-js');
const withTimeout = (promise, what, ms = 30000) =>
    Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);

async function main() {
    const seen = {};
    seen.protocol = new OBSWebSocket().protocol;

    // A wrong password must be refused the way OBS refuses it.
    const intruder = new OBSWebSocket();
    try {
        await withTimeout(intruder.connect(url, `${password}-wrong`), 'wrong-password connect');
        seen.wrongPasswordCode = 0;
    } catch (error) {
        seen.wrongPasswordCode = error.code;
    }

    const obs = new OBSWebSocket();
    const hello = await withTimeout(obs.connect(url, password), 'connect');
    seen.negotiatedRpcVersion = hello.negotiatedRpcVersion;

    const version = await obs.call('GetVersion');
    seen.obsWebSocketVersion = version.obsWebSocketVersion;
    seen.rpcVersion = version.rpcVersion;
    seen.availableRequests = version.availableRequests;

    const programChanged = new Promise((resolve) => obs.once('CurrentProgramSceneChanged', resolve));
    await obs.call('SetCurrentPreviewScene', { sceneName: scene });
    await obs.call('TriggerStudioModeTransition');
    seen.programSceneEvent = (await withTimeout(programChanged, 'CurrentProgramSceneChanged')).sceneName;
    seen.currentProgramSceneName = (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;

    const batch = await obs.callBatch([{ requestType: 'GetStudioModeEnabled' }, { requestType: 'NoSuchRequest' }]);
    seen.batch = batch.map((result) => result.requestStatus.code);

    try {
        await obs.call('SetCurrentPreviewScene', { sceneName: 'no-such-scene' });
        seen.unknownSceneCode = 100;
    } catch (error) {
        seen.unknownSceneCode = error.code;
    }

    await obs.disconnect();
    console.log(JSON.stringify(seen));
}

main().then(
    () => process.exit(0),
    (error) => {
        console.log(JSON.stringify({ error: String(error && error.message ? error.message : error) }));
        process.exit(1);
    },
);
