import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import { bindSession } from './api/request'
import './styles/index.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter()
bindSession({ session: useSessionStore(pinia), router })
app.use(router)
app.use(ElementPlus)
app.mount('#app')
