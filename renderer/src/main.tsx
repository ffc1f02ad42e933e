import './lib/zod-jitless' // must stay first: configures zod before any schema is parsed
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource-variable/source-serif-4'
import '@fontsource-variable/inter'
import './styles/base.css'
import './styles/library.css'
import './styles/reader.css'
import './styles/settings.css'
import './styles/presentation.css'
import './styles/room.css'
import './styles/decks.css'
import './styles/about.css'
import './styles/export.css'
import './styles/search.css'
import './styles/annotations.css'
import './styles/documents.css'
import { App } from './app/App'
import { adoptStyleSheet } from './lib/adopted-styles'
import { APP_COLOR_CSS } from '../../electron/shared/annotations/color-css'

// The highlight colours' variables (--annot-*), generated from the one palette (annotations/colors.ts).
adoptStyleSheet(APP_COLOR_CSS)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
