<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlertBanner</name>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>ClipPanel</name>
    <message>
        <source>片段（已保存）</source>
        <translation>Clip (saved)</translation>
    </message>
    <message>
        <source>片段</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>话题，如 #美食 #齐悦</source>
        <translation>Topics, e.g. #food #QiYue</translation>
    </message>
    <message>
        <source>片头显示标题</source>
        <translation>Show the title at the start</translation>
    </message>
    <message>
        <source>封面：</source>
        <translation>Cover: </translation>
    </message>
    <message>
        <source>用这一帧</source>
        <translation>Use this frame</translation>
    </message>
    <message>
        <source>裁切</source>
        <translation>Crop</translation>
    </message>
    <message>
        <source>模糊背景</source>
        <translation>Blurred background</translation>
    </message>
    <message>
        <source>保存片段</source>
        <translation>Save clip</translation>
    </message>
    <message>
        <source>新片段</source>
        <translation>New clip</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出队列</source>
        <translation>Export queue</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <source>剪辑库现在无法使用：</source>
        <translation>The clip library cannot be used right now: </translation>
    </message>
    <message>
        <source>正在打开剪辑库…</source>
        <translation>Opening the clip library…</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>已存片段</source>
        <translation>Saved clips</translation>
    </message>
    <message>
        <source>竖屏画面 ⟷ 拖动</source>
        <translation>Vertical frame ⟷ drag</translation>
    </message>
    <message>
        <source>在左边选一个录像</source>
        <translation>Choose a recording on the left</translation>
    </message>
    <message>
        <source>模糊背景</source>
        <translation>Blurred background</translation>
    </message>
    <message>
        <source>竖屏 9:16</source>
        <translation>Vertical 9:16</translation>
    </message>
    <message>
        <source>停</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>播放选段</source>
        <translation>Play selection</translation>
    </message>
    <message>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>设入点</source>
        <translation>Set in point</translation>
    </message>
    <message>
        <source>入点 </source>
        <translation>In </translation>
    </message>
    <message>
        <source>出点 </source>
        <translation>Out </translation>
    </message>
    <message>
        <source>设出点</source>
        <translation>Set out point</translation>
    </message>
    <message>
        <source>覆盖</source>
        <translation>Replace</translation>
    </message>
</context>
<context>
    <name>ExportList</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>未设上传目标</source>
        <translation>No upload destination set</translation>
    </message>
    <message>
        <source>加入上传</source>
        <translation>Add to uploads</translation>
    </message>
    <message>
        <source>还没有导出</source>
        <translation>Nothing exported yet</translation>
    </message>
</context>
<context>
    <name>HostView</name>
    <message>
        <source>即将开始</source>
        <translation>即将开始</translation>
    </message>
    <message>
        <source>节目结束</source>
        <translation>节目结束</translation>
    </message>
    <message>
        <source>停在零点</source>
        <translation>停在零点</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>下一段</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>比计划</source>
        <translation>vs. plan</translation>
    </message>
    <message>
        <source>预计结束</source>
        <translation>Expected end</translation>
    </message>
    <message>
        <source>未连接演播室</source>
        <translation>未连接演播室</translation>
    </message>
</context>
<context>
    <name>HostWindow</name>
    <message>
        <source>小站 · 主持人屏幕</source>
        <translation>Xiaozhan · Host screen</translation>
    </message>
</context>
<context>
    <name>LowerThirdsPanel</name>
    <message>
        <source>字幕</source>
        <translation>Captions</translation>
    </message>
    <message>
        <source>直接改节目画面</source>
        <translation>Change on air directly</translation>
    </message>
    <message>
        <source>切换后生效</source>
        <translation>Shows after the take</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>导播</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>上传</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>剪辑</source>
        <translation>Editor</translation>
    </message>
</context>
<context>
    <name>MarkerList</name>
    <message>
        <source>段落</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>区间</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>设为选段</source>
        <translation>Use as selection</translation>
    </message>
    <message>
        <source>这个录像没有节目单标记</source>
        <translation>This recording has no rundown markers</translation>
    </message>
</context>
<context>
    <name>MixerPanel</name>
    <message>
        <source>已静音</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>静音</source>
        <translation>Mute</translation>
    </message>
</context>
<context>
    <name>MonitorView</name>
    <message>
        <source>录像 %1</source>
        <translation>REC %1</translation>
    </message>
</context>
<context>
    <name>OutputsPanel</name>
    <message>
        <source>结束直播</source>
        <translation>End live stream</translation>
    </message>
    <message>
        <source>开始直播</source>
        <translation>Go live</translation>
    </message>
    <message>
        <source>停止录像</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <source>开始录像</source>
        <translation>Start recording</translation>
    </message>
    <message>
        <source>开播前检查</source>
        <translation>Check before going live</translation>
    </message>
    <message>
        <source>没有直播地址（可在“设置”里添加）</source>
        <translation>No stream address yet (add one in “Settings”)</translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message>
        <source>开播前检查</source>
        <translation>Check before going live</translation>
    </message>
    <message>
        <source>怎么办：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>有 %1 项需要处理；仍可以开播</source>
        <translation>%1 item(s) need attention; you can still go live</translation>
    </message>
    <message>
        <source>一切正常，可以开播</source>
        <translation>All good, ready to go live</translation>
    </message>
    <message>
        <source>再检查一次</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecordingList</name>
    <message>
        <source>录像</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>标记文件有问题</source>
        <translation>The markers file has a problem</translation>
    </message>
    <message>
        <source>%1 · %2 个标记 · %3 个片段</source>
        <translation>%1 · %2 markers · %3 clips</translation>
    </message>
    <message>
        <source>这里还没有录像</source>
        <translation>No recordings here yet</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <source>节目单</source>
        <translation>Rundown</translation>
    </message>
    <message>
        <source>关主持人屏幕</source>
        <translation>Close host screen</translation>
    </message>
    <message>
        <source>主持人屏幕</source>
        <translation>Host screen</translation>
    </message>
    <message>
        <source>还没开始：按“下一段”开始第一段</source>
        <translation>Not started yet: press “Next” to start the first segment</translation>
    </message>
    <message>
        <source>停在零点</source>
        <translation>Held at zero</translation>
    </message>
    <message>
        <source>暂停中</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>比计划 %1 · 结束 %2</source>
        <translation>vs. plan %1 · ends %2</translation>
    </message>
    <message>
        <source>（跳过）</source>
        <translation> (skipped)</translation>
    </message>
    <message>
        <source>改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>下一段</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一段</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>+1 分钟</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>入点</source>
        <translation>In point</translation>
    </message>
    <message>
        <source>出点</source>
        <translation>Out point</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>给主持人的话，如：看镜头2</source>
        <translation>Message for the host, e.g. Look at camera 2</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>闪烁</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>黑屏只显示这句话</source>
        <translation>Black screen with only this message</translation>
    </message>
    <message>
        <source>修改第 %1 段</source>
        <translation>Edit segment %1</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>分</source>
        <translation>min</translation>
    </message>
    <message>
        <source>秒</source>
        <translation>s</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SavedClipList</name>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>删除片段记录“%1”？录像和已经导出的文件都不会被删除。</source>
        <translation>Remove the clip record “%1”? The recording and any exported files are not deleted.</translation>
    </message>
    <message>
        <source>还没有保存的片段</source>
        <translation>No saved clips yet</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Remove record</translation>
    </message>
</context>
<context>
    <name>SceneBar</name>
    <message>
        <source>回到节目</source>
        <translation>Back to the show</translation>
    </message>
    <message>
        <source>请稍候
安全画面</source>
        <translation>Standby
safe slate</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <source>录像保存到</source>
        <translation>Save recordings to</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>直播地址</source>
        <translation>Stream addresses</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>名称，如：抖音</source>
        <translation>Name, e.g. Douyin</translation>
    </message>
    <message>
        <source>推流地址 rtmp://服务器/应用/推流码</source>
        <translation>Stream address rtmp://server/app/stream-key</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>新加的直播地址在下次打开节目时生效。</source>
        <translation>New stream addresses take effect the next time a show is opened.</translation>
    </message>
    <message>
        <source>上传目标</source>
        <translation>Upload destinations</translation>
    </message>
    <message>
        <source>名称，如：社区抖音号</source>
        <translation>Name, e.g. Community Douyin account</translation>
    </message>
    <message>
        <source>douyin://账号、tus+https://… 或 file:///文件夹</source>
        <translation>douyin://account, tus+https://… or file:///folder</translation>
    </message>
    <message>
        <source>遥控（obs-websocket，Stream Deck 等）</source>
        <translation>Remote control (obs-websocket, Stream Deck, …)</translation>
    </message>
    <message>
        <source>端口（0 为关闭）</source>
        <translation>Port (0 means off)</translation>
    </message>
    <message>
        <source>已设密码</source>
        <translation>Password set</translation>
    </message>
    <message>
        <source>未设密码</source>
        <translation>No password set</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>设置密码</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>端口和密码在下次打开小站时生效。</source>
        <translation>Port and password take effect the next time Xiaozhan starts.</translation>
    </message>
</context>
<context>
    <name>ShowPicker</name>
    <message>
        <source>今天录制或直播哪个节目？</source>
        <translation>Which show are we recording or streaming today?</translation>
    </message>
</context>
<context>
    <name>TransitionPanel</name>
    <message>
        <source>切换到节目</source>
        <translation>Take to program</translation>
    </message>
    <message>
        <source>空格 / 回车</source>
        <translation>Space / Enter</translation>
    </message>
    <message>
        <source>立即切换</source>
        <translation>Cut now</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>UploadsView</name>
    <message>
        <source>上传队列现在无法使用：</source>
        <translation>The upload queue cannot be used right now: </translation>
    </message>
    <message>
        <source>要上传的文件</source>
        <translation>File to upload</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>标题（可不填）</source>
        <translation>Title (optional)</translation>
    </message>
    <message>
        <source>加入上传</source>
        <translation>Add to uploads</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>上传队列是空的</source>
        <translation>The upload queue is empty</translation>
    </message>
    <message>
        <source>选择要上传的视频</source>
        <translation>Choose a video to upload</translation>
    </message>
    <message>
        <source>视频和音频 (*.mp4 *.mkv *.mov *.webm *.m4a *.mp3)</source>
        <translation>Video and audio (*.mp4 *.mkv *.mov *.webm *.m4a *.mp3)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>先在“设置”里添加上传目标</source>
        <translation>Add an upload destination in “Settings” first</translation>
    </message>
</context>
<context>
    <name>xz::ui::ClipPlayer</name>
    <message>
        <source>无法播放：GStreamer 缺少播放组件（playbin、autoaudiosink）/ cannot play: GStreamer lacks playbin or autoaudiosink (%1)</source>
        <translation>无法播放：GStreamer 缺少播放组件（playbin、autoaudiosink）/ cannot play: GStreamer lacks playbin or autoaudiosink (%1)</translation>
    </message>
    <message>
        <source>播放器打不开这个文件</source>
        <translation>The player cannot open this file</translation>
    </message>
    <message>
        <source>这个录像不能跳到 %1 秒 / cannot seek in this recording</source>
        <translation>这个录像不能跳到 %1 秒 / cannot seek in this recording</translation>
    </message>
    <message>
        <source>无法播放这个录像：%1 / cannot play this recording</source>
        <translation>无法播放这个录像：%1 / cannot play this recording</translation>
    </message>
</context>
<context>
    <name>xz::ui::EditorModel</name>
    <message>
        <source>预览做不出来：%1</source>
        <translation>The preview could not be made: %1</translation>
    </message>
    <message>
        <source>录像文件夹里还没有录像：%1</source>
        <translation>No recordings in the recording folder yet: %1</translation>
    </message>
    <message>
        <source>找不到录像：%1</source>
        <translation>Recording not found: %1</translation>
    </message>
    <message>
        <source>标记文件读不出来，没有标记可用：%1</source>
        <translation>The markers file cannot be read, so no markers are available: %1</translation>
    </message>
    <message>
        <source>这个录像没有记下长度（可能录制时中断了）：%1</source>
        <translation>This recording has no length saved (the recording may have been cut off): %1</translation>
    </message>
    <message>
        <source>正在生成缩略图和声音波形（只需一次）…</source>
        <translation>Making thumbnails and the sound waveform (only needed once)…</translation>
    </message>
    <message>
        <source>选段 %1（%2 帧）</source>
        <translation>Selection %1 (%2 frames)</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>倒放 %1×</source>
        <translation>Reverse %1×</translation>
    </message>
    <message>
        <source>播放选段</source>
        <translation>Playing selection</translation>
    </message>
    <message>
        <source>播放 %1×</source>
        <translation>Play %1×</translation>
    </message>
    <message>
        <source>没有找到声音设备：只播放画面，没有声音</source>
        <translation>No sound device found: playing the picture without sound</translation>
    </message>
    <message>
        <source>入点 %1 必须在出点 %2 之前。要从这里开始，请先把出点设到后面（按 O）。</source>
        <translation>The in point %1 must come before the out point %2. To start here, first move the out point later (press O).</translation>
    </message>
    <message>
        <source>出点 %1 必须在入点 %2 之后。要在这里结束，请先把入点设到前面（按 I）。</source>
        <translation>The out point %1 must come after the in point %2. To end here, first move the in point earlier (press I).</translation>
    </message>
    <message>
        <source>“%1”没有结束时间，不能直接作为选段</source>
        <translation>“%1” has no end time, so it cannot be used as a selection directly</translation>
    </message>
    <message>
        <source>“%1”在录像之外，不能作为选段</source>
        <translation>“%1” is outside the recording, so it cannot be used as a selection</translation>
    </message>
    <message>
        <source>选段设为“%1”：%2 到 %3</source>
        <translation>Selection set to “%1”: %2 to %3</translation>
    </message>
    <message>
        <source>用入点的画面</source>
        <translation>The in point’s frame</translation>
    </message>
    <message>
        <source>新片段：整段录像已选中，请设入点和出点</source>
        <translation>New clip: the whole recording is selected; set the in and out points</translation>
    </message>
    <message>
        <source>请先在左边选一个录像</source>
        <translation>Please choose a recording on the left first</translation>
    </message>
    <message>
        <source>片段已保存：%1</source>
        <translation>Clip saved: %1</translation>
    </message>
    <message>
        <source>片段记录已删除；录像和导出的文件都还在</source>
        <translation>Clip record removed; the recording and exported files are still there</translation>
    </message>
    <message>
        <source>“%1”正在导出，请等它完成，或换一个标题</source>
        <translation>“%1” is being exported: wait for it to finish, or choose another title</translation>
    </message>
    <message>
        <source>“%1”已经存在。要用这次导出的片段替换它吗？原来的文件会被覆盖。</source>
        <translation>“%1” already exists. Replace it with this export? The old file will be overwritten.</translation>
    </message>
    <message>
        <source>没有导出：原来的文件保留不动。可以改一个标题再导出。</source>
        <translation>Not exported: the old file is kept as it was. You can change the title and export again.</translation>
    </message>
    <message>
        <source>无法建立导出文件夹：%1</source>
        <translation>Cannot create the export folder: %1</translation>
    </message>
    <message>
        <source>已加入导出队列：%1</source>
        <translation>Added to the export queue: %1</translation>
    </message>
    <message>
        <source>这个导出还没有完成，完成后才能上传</source>
        <translation>This export is not finished yet; it can be uploaded once it is done</translation>
    </message>
    <message>
        <source>导出的文件不见了：%1</source>
        <translation>The exported file is missing: %1</translation>
    </message>
    <message>
        <source>上传队列现在无法使用</source>
        <translation>The upload queue cannot be used right now</translation>
    </message>
    <message>
        <source>正在打开录像：%1</source>
        <translation>Opening the recording: %1</translation>
    </message>
</context>
<context>
    <name>xz::ui::HostMirror</name>
    <message>
        <source>正在连接演播室 %1 / connecting to the studio at %1</source>
        <translation>正在连接演播室 %1 / connecting to the studio at %1</translation>
    </message>
    <message>
        <source>演播室 %1 需要遥控密码：请用 --password 给出 / the studio at %1 needs the remote-control password: give it with --password</source>
        <translation>演播室 %1 需要遥控密码：请用 --password 给出 / the studio at %1 needs the remote-control password: give it with --password</translation>
    </message>
    <message>
        <source>演播室 %1 已连接，但没有在运行节目单 / connected to the studio at %1, but it is not running a rundown</source>
        <translation>演播室 %1 已连接，但没有在运行节目单 / connected to the studio at %1, but it is not running a rundown</translation>
    </message>
    <message>
        <source>演播室 %1 没有给出节目单：%2 / the studio at %1 did not give the rundown: %2</source>
        <translation>演播室 %1 没有给出节目单：%2 / the studio at %1 did not give the rundown: %2</translation>
    </message>
    <message>
        <source>演播室 %1 发来的节目单数据无法使用（%2）/ the studio at %1 sent rundown data that cannot be used (%2)</source>
        <translation>演播室 %1 发来的节目单数据无法使用（%2）/ the studio at %1 sent rundown data that cannot be used (%2)</translation>
    </message>
    <message>
        <source>演播室 %1 不接受这个遥控密码（--password）/ the studio at %1 refused the remote-control password (--password)</source>
        <translation>演播室 %1 不接受这个遥控密码（--password）/ the studio at %1 refused the remote-control password (--password)</translation>
    </message>
    <message>
        <source>演播室 %1 的遥控协议版本不同 / the studio at %1 speaks another remote-control protocol version</source>
        <translation>演播室 %1 的遥控协议版本不同 / the studio at %1 speaks another remote-control protocol version</translation>
    </message>
    <message>
        <source>未连接演播室 %1，正在重试 / not connected to the studio at %1, retrying</source>
        <translation>未连接演播室 %1，正在重试 / not connected to the studio at %1, retrying</translation>
    </message>
</context>
<context>
    <name>xz::ui::MixerModel</name>
    <message>
        <source>节目混音</source>
        <translation>Program mix</translation>
    </message>
    <message>
        <source>%1没有声音，请检查话筒是否打开、是否插好</source>
        <translation>No sound from %1: check that the microphone is switched on and plugged in</translation>
    </message>
</context>
<context>
    <name>xz::ui::OperatorModel</name>
    <message>
        <source>%1信号中断：%2</source>
        <translation>%1 lost its signal: %2</translation>
    </message>
    <message>
        <source>请稍候（安全画面）</source>
        <translation>Standby (safe slate)</translation>
    </message>
    <message>
        <source>切换（立即）</source>
        <translation>Cut (instant)</translation>
    </message>
    <message>
        <source>淡入淡出</source>
        <translation>Fade</translation>
    </message>
    <message>
        <source>经色场过渡</source>
        <translation>Fade through colour</translation>
    </message>
    <message>
        <source>推移</source>
        <translation>Swipe</translation>
    </message>
    <message>
        <source>滑动</source>
        <translation>Slide</translation>
    </message>
    <message>
        <source>擦除</source>
        <translation>Wipe</translation>
    </message>
    <message>
        <source>片花动画</source>
        <translation>Stinger animation</translation>
    </message>
    <message>
        <source>推过一半松手：切换完成；不到一半松手：退回原画面</source>
        <translation>Let go past halfway: the take completes; before halfway: back to the old picture</translation>
    </message>
    <message>
        <source>CPU %1%</source>
        <translation>CPU %1%</translation>
    </message>
    <message>
        <source>画面延迟 %1%</source>
        <translation>Lagged frames %1%</translation>
    </message>
    <message>
        <source>磁盘剩余 %1 GB</source>
        <translation>Disk: %1 GB free</translation>
    </message>
    <message>
        <source>，约可录 %1 小时</source>
        <translation>, about %1 hours of recording</translation>
    </message>
    <message>
        <source>正在直播或录像。确定要关闭小站吗？直播会结束，录像会保存。</source>
        <translation>You are live or recording. Close Xiaozhan now? The live stream will end; the recording will be saved.</translation>
    </message>
    <message>
        <source>确定要结束直播吗？观众将看不到节目。</source>
        <translation>End the live stream? Viewers will no longer see the show.</translation>
    </message>
    <message>
        <source>确定要停止录像吗？</source>
        <translation>Stop the recording?</translation>
    </message>
    <message>
        <source>关闭小站</source>
        <translation>Close Xiaozhan</translation>
    </message>
    <message>
        <source>结束直播</source>
        <translation>End live stream</translation>
    </message>
    <message>
        <source>停止录像</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <source>还没有直播地址：请先在“设置”里添加</source>
        <translation>No stream address yet: please add one in “Settings” first</translation>
    </message>
</context>
<context>
    <name>xz::ui::PreflightModel</name>
    <message>
        <source>摄像头：%1</source>
        <translation>Camera: %1</translation>
    </message>
    <message>
        <source>没有接入摄像头，播出的是测试画面</source>
        <translation>No camera connected; a test picture is shown instead</translation>
    </message>
    <message>
        <source>在设置中为它选择摄像头或手机，或不用这个机位</source>
        <translation>Choose a camera or phone for it in the settings, or leave this camera position out</translation>
    </message>
    <message>
        <source>画面正常</source>
        <translation>Picture OK</translation>
    </message>
    <message>
        <source>还没有画面</source>
        <translation>No picture yet</translation>
    </message>
    <message>
        <source>检查摄像头的线是否插好；手机请确认已连上同一个网络并开始推流</source>
        <translation>Check that the camera cable is plugged in; for a phone, make sure it is on the same network and streaming</translation>
    </message>
    <message>
        <source>话筒：%1</source>
        <translation>Microphone: %1</translation>
    </message>
    <message>
        <source>话筒没有接通</source>
        <translation>Microphone not connected</translation>
    </message>
    <message>
        <source>检查话筒是否插好、是否打开</source>
        <translation>Check that the microphone is plugged in and switched on</translation>
    </message>
    <message>
        <source>已静音</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>在调音台上取消静音</source>
        <translation>Unmute it on the mixer</translation>
    </message>
    <message>
        <source>听不到声音</source>
        <translation>No sound heard</translation>
    </message>
    <message>
        <source>对着话筒说几句话，再检查一次；仍没有声音请检查话筒开关</source>
        <translation>Say a few words into the microphone and check again; if still silent, check its on/off switch</translation>
    </message>
    <message>
        <source>有声音（%1）</source>
        <translation>Sound OK (%1)</translation>
    </message>
    <message>
        <source>剩余 %1 GB，约可录 %2 小时（计划 %3 小时）</source>
        <translation>%1 GB free, about %2 hours of recording (planned: %3 hours)</translation>
    </message>
    <message>
        <source>磁盘空间</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <source>删除或移走旧录像，或换一个空间更大的录像文件夹</source>
        <translation>Delete or move old recordings, or choose a recording folder with more space</translation>
    </message>
    <message>
        <source>空间不太宽裕，节目超时可能录不完</source>
        <translation>Space is tight: if the show runs long, the recording may not fit</translation>
    </message>
    <message>
        <source>录像文件夹</source>
        <translation>Recording folder</translation>
    </message>
    <message>
        <source>无法写入：%1</source>
        <translation>Cannot write to %1</translation>
    </message>
    <message>
        <source>在设置中换一个录像文件夹</source>
        <translation>Choose another recording folder in the settings</translation>
    </message>
    <message>
        <source>直播地址</source>
        <translation>Stream addresses</translation>
    </message>
    <message>
        <source>还没有添加直播地址，只能录像</source>
        <translation>No stream address added yet: recording only</translation>
    </message>
    <message>
        <source>在设置中添加抖音等平台的推流地址</source>
        <translation>Add the stream address of Douyin or another platform in the settings</translation>
    </message>
    <message>
        <source>直播服务器：%1</source>
        <translation>Stream server: %1</translation>
    </message>
    <message>
        <source>正在连接 %1:%2 …</source>
        <translation>Connecting to %1:%2 …</translation>
    </message>
    <message>
        <source>%1:%2 可以连接</source>
        <translation>%1:%2 can be reached</translation>
    </message>
    <message>
        <source>连不上 %1:%2（%3）</source>
        <translation>Cannot reach %1:%2 (%3)</translation>
    </message>
    <message>
        <source>检查网线或无线网络；仍不行请核对推流地址</source>
        <translation>Check the network cable or Wi-Fi; if it still fails, check the stream address</translation>
    </message>
    <message>
        <source>超时</source>
        <translation>timed out</translation>
    </message>
</context>
<context>
    <name>xz::ui::Session</name>
    <message>
        <source>小站 · 选择节目</source>
        <translation>Xiaozhan · Choose a show</translation>
    </message>
    <message>
        <source>小站 · 《%1》</source>
        <translation>Xiaozhan · “%1”</translation>
    </message>
</context>
<context>
    <name>xz::ui::SettingsModel</name>
    <message>
        <source>端口应在 1 到 65535 之间（0 表示不开遥控）</source>
        <translation>The port must be between 1 and 65535 (0 turns remote control off)</translation>
    </message>
    <message>
        <source>直播 %1</source>
        <translation>Stream %1</translation>
    </message>
    <message>
        <source>上传地址应以 tus+https://、douyin://、https:// 或 file:// 开头，而不是“%1”</source>
        <translation>An upload address must start with tus+https://, douyin://, https:// or file://, not “%1”</translation>
    </message>
</context>
<context>
    <name>xz::ui::StreamListModel</name>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>连接中</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>直播中</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>重连中 %1/%2</source>
        <translation>Reconnecting %1/%2</translation>
    </message>
    <message>
        <source>已断开</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>正在结束</source>
        <translation>Ending</translation>
    </message>
    <message>
        <source>%1 kbps</source>
        <translation>%1 kbps</translation>
    </message>
    <message>
        <source>丢帧 %1</source>
        <translation>Dropped frames %1</translation>
    </message>
</context>
<context>
    <name>xz::ui::UploadsModel</name>
    <message>
        <source>请先选择上传到哪里（可在“设置”里添加）</source>
        <translation>Please choose where to upload first (add destinations in “Settings”)</translation>
    </message>
    <message>
        <source>正在检查 %1 …</source>
        <translation>Checking %1 …</translation>
    </message>
    <message>
        <source>%1 已加入上传队列</source>
        <translation>%1 was added to the upload queue</translation>
    </message>
    <message>
        <source>%1 已经在队列里了</source>
        <translation>%1 is already in the queue</translation>
    </message>
    <message>
        <source>%1 已经上传过，没有重复加入</source>
        <translation>%1 was uploaded before, so it was not added again</translation>
    </message>
</context>
</TS>
