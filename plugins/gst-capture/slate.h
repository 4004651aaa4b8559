// The picture a capture source shows when it has no signal: a dark card with "信号中断 / signal lost" (or
// "waiting for signal") and the camera's name, never the last frame frozen. Drawn by the capture source on
// the graphics thread; its text may change from any thread (libobs defers text updates to the video thread).
#pragma once

#include <QString>
#include <obs.hpp>

namespace xz::capture {

inline constexpr uint32_t kSlateBackgroundArgb = 0xff20242c; // dark blue-grey: never a camera's test tint
inline constexpr uint32_t kSlateBandArgb = 0xffc0392b;       // a red band: something is wrong

class Slate {
public:
    // Creates its text source; without the text module it still draws the card.
    explicit Slate(const QString& sourceName);
    ~Slate();

    Slate(const Slate&) = delete;
    Slate& operator=(const Slate&) = delete;

    void setText(const QString& text, uint32_t height);
    void render(uint32_t width, uint32_t height);
    obs_source_t* textSource() const { return text_.Get(); }

private:
    OBSSourceAutoRelease text_;
};

} // namespace xz::capture
